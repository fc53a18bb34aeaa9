package org.vein2vein.testing;

/** The custody topic, read from the beginning. */
public final class CustodyTopic extends KafkaTopic {

    public static final String TOPIC = "vein2vein.custody.v1";

    public CustodyTopic() {
        super(TOPIC);
    }
}
