def load_classifier(model_path=None):
    return None
