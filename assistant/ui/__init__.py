"""Chat UI and HTTP API: a Gradio app mounted on FastAPI, served by `gazette serve`."""
