"""`make run HOST=…` asks this before serving: a network address is refused while any enabled
account still has the published demo password (data/access/demo_accounts.toml). Loopback is
always allowed: the demo accounts are for looking around on one's own machine."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def main(host: str) -> int:
    if host in LOOPBACK:
        return 0
    from store import accounts

    weak = accounts.with_demo_password()
    if weak:
        print(
            f"Không phục vụ mạng ({host}) khi tài khoản còn mật khẩu mẫu: {', '.join(weak)}. "
            "Đặt mật khẩu mới (python -m store users reset-password TÊN) hoặc khóa tài khoản "
            "(python -m store users disable TÊN), rồi chạy lại. Chỉ xem trên máy này: make run.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
