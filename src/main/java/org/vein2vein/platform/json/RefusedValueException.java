package org.vein2vein.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value refused while the request is read, before it is bound or validated: an array longer than
 * its bound, an instant outside the plausible range. Its complaint is written here, never taken
 * from the input, so it can be shown to the client as is.
 */
public class RefusedValueException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    private final String complaint;

    RefusedValueException(JsonParser parser, Class<?> targetType, String complaint) {
        super(parser, complaint, targetType);
        this.complaint = complaint;
    }

    /** What is wrong with the value, e.g. "must list at most 20 items". */
    public String complaint() {
        return complaint;
    }
}
