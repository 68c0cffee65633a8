"""The policy's precondition: partners' countries screened against democracy, human-rights and
rule-of-law indicators, and Kommunstyrelsen's exception decisions."""
