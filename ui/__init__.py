"""The Streamlit side: session state, cached calls into mot/, translations."""
