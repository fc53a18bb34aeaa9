package org.vein2vein.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a data folder to one zero-setup vein2vein at a time. It is an operating-system lock on
 * {@code vein2vein.lock}, not the file's existence: the system releases it when the process ends,
 * even by {@code kill -9}, so a file left behind never blocks the next start. The file holds the
 * owner's pid, for the message a second start gets.
 */
final class DataFolderLock implements AutoCloseable {

    static final String FILE_NAME = "vein2vein.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the data folder, or refuses if another vein2vein holds it. */
    static DataFolderLock acquire(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDirectory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw alreadyRunning(dataDirectory, " (pid " + ownerPid(file) + ")");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new DataFolderLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw alreadyRunning(dataDirectory, " in this process");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not lock the data folder " + dataDirectory + " (" + file + ")", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not release the data folder lock", e);
        }
    }

    private static EmbeddedStartRefused alreadyRunning(Path dataDirectory, String where) {
        return new EmbeddedStartRefused("Another vein2vein is already running on the data folder " + dataDirectory
                + where + ". Stop it first, or give this one another data folder with "
                + EmbeddedMode.DATA_DIR_VARIABLE + ".");
    }

    /** Only for the message: where the system locks whole files against reading, the pid stays unknown. */
    private static String ownerPid(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "unknown" : pid;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing with a better message.
            }
        }
    }
}
