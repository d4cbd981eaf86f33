"""The concept format: the Pydantic models (its one definition) and what is generated from them."""
