"""`dialog build`: documents made from the files, incrementally, as CI needs them."""
