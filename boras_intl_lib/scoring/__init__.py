"""The evidence-based rubric that scores each activity on the policy's seven areas (0–3)."""
