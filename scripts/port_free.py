"""`make run` asks this first: is the port free? A second `make run` says so plainly instead of
failing inside Streamlit (exit 1, a Vietnamese message with what to do)."""

from __future__ import annotations

import socket
import sys


def main(port: int) -> int:
    with socket.socket() as probe:
        probe.settimeout(1)
        taken = probe.connect_ex(("127.0.0.1", port)) == 0
    if taken:
        print(
            f"Cổng {port} đang được dùng — có thể ứng dụng đã chạy: mở http://localhost:{port}. "
            f"Để chạy thêm một máy chủ trên cùng kho dữ liệu: make run PORT={port + 1}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
