package org.convquiz.exercise.answer;

/** What sort of value an exercise part expects; chooses how {@link AnswerParser} reads the student's text. */
public enum AnswerKind {
    /** A whole number, possibly written as exact working such as {@code 3×256×256×1000+1000}. */
    INTEGER,
    /** Any real number, kept exactly when it is rational (e.g. {@code 10/3}). */
    NUMBER,
    /** A tensor shape such as {@code 4×102×102}. */
    SHAPE,
    /** A matrix or higher-order tensor of numbers. */
    TENSOR,
    /** One option letter out of those offered. */
    SINGLE_CHOICE,
    /** A set of option letters out of those offered. */
    MULTIPLE_CHOICE
}
