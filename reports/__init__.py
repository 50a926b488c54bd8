"""Presentation without Streamlit: charts, criteria charts, slides, the .pptx deck, the .docx document,
images, exports, narrative sentences and the briefing. Reads the store through indicators/ and store/."""
