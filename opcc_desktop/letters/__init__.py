"""Letters: the s.55 response letter to the Home Secretary (compose the words, render the PDF)."""
