"""The only Streamlit code besides pages: layout and navigation, filters, cards, error display."""
