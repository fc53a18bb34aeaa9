package org.vein2vein.product.domain;

/** The outcome of a test that detects something (microbes, mycoplasma) rather than measures it. */
public enum QualitativeOutcome {
    NEGATIVE,
    POSITIVE
}
