package org.vein2vein.kernel;

/** Whose cells a batch is made from, which decides whose identity the batch must match. */
public enum BatchType {
    /** The patient's own cells; they go back to the same patient, the subject of the batch. */
    AUTOLOGOUS,
    /** A donor's gene-edited cells, made into a lot whose doses are allocated to recipients. */
    ALLOGENEIC
}
