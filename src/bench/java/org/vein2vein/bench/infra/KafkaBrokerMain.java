package org.vein2vein.bench.infra;

import java.nio.file.Path;

import org.vein2vein.platform.embedded.EmbeddedKafkaBroker;

/**
 * The project's single-node Kafka broker (KRaft) as a process of its own, so that the service reaches
 * it over the network as it would a real cluster, and the benchmark can kill it and start it again
 * on the same log. Arguments: the log folder and the client port. Prints {@code READY} once clients
 * can produce.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        System.out.println("READY " + broker.bootstrapServers());
        System.out.flush();
        Thread.currentThread().join();
    }
}
