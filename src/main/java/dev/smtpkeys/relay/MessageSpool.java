package dev.smtpkeys.relay;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One message as it arrives in DATA: the first 64 KB in memory, the rest in a temporary file, so a
 * session never holds a whole message in the heap. While copying it counts the size, checks line
 * endings and grows the transaction's share of the {@link InflightBudget}; whatever the outcome, the
 * stream is read to its end, so no message line is ever taken as a command. {@link #close()} deletes
 * the file and gives the budget back.
 */
final class MessageSpool implements Closeable {

    static final int MEMORY_LIMIT = 64 * 1024;

    /** How reading the message ended. */
    enum Outcome { COMPLETE, TOO_LARGE, BARE_LINE_ENDING, NO_STORAGE }

    private final Path dir;
    private final InflightBudget.Hold hold;
    private byte[] head = new byte[8 * 1024];
    private int headLength;
    private Path file;
    private OutputStream fileOut;
    private long size;
    private boolean previousWasCr;
    private boolean bareLineEnding;

    /** A spool writing beyond 64 KB into {@code dir}, counting against {@code hold}. */
    MessageSpool(Path dir, InflightBudget.Hold hold) {
        this.dir = dir;
        this.hold = hold;
    }

    /** Reads {@code in} to its end and keeps it, unless it exceeds {@code limit} bytes, the budget, or has a bare CR or LF. */
    Outcome read(InputStream in, int limit) throws IOException {
        byte[] chunk = new byte[8 * 1024];
        Outcome outcome = Outcome.COMPLETE;
        int n;
        while ((n = in.read(chunk)) >= 0) {
            if (outcome != Outcome.COMPLETE) {
                continue;
            }
            if (size + n > limit) {
                outcome = Outcome.TOO_LARGE;
            } else if (!hold.cover(size + n)) {
                outcome = Outcome.NO_STORAGE;
            } else {
                checkLineEndings(chunk, n);
                keep(chunk, n);
            }
            if (outcome != Outcome.COMPLETE) {
                // the rest is read and dropped: give back at once what no longer needs keeping
                close();
            }
        }
        if (outcome == Outcome.COMPLETE && (bareLineEnding || previousWasCr)) {
            outcome = Outcome.BARE_LINE_ENDING;
        }
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
        }
        return outcome;
    }

    /** The bytes kept, {@link #head()} first. */
    long size() {
        return size;
    }

    /** The first 64 KB (or all of a smaller message): where the headers are. */
    byte[] head() {
        return Arrays.copyOf(head, headLength);
    }

    /** The whole message, from memory and the file; read it once. */
    InputStream open() throws IOException {
        InputStream memory = new ByteArrayInputStream(head, 0, headLength);
        if (file == null) {
            return memory;
        }
        return new SequenceInputStream(memory, new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
    }

    @Override
    public void close() throws IOException {
        hold.release();
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
        }
        if (file != null) {
            Files.deleteIfExists(file);
            file = null;
        }
    }

    /** Every CR must be followed by LF and every LF preceded by CR; one byte of state carries across chunks. */
    private void checkLineEndings(byte[] chunk, int n) {
        for (int i = 0; i < n && !bareLineEnding; i++) {
            byte b = chunk[i];
            if (previousWasCr != (b == '\n')) {
                bareLineEnding = true;
            }
            previousWasCr = b == '\r';
        }
    }

    private void keep(byte[] chunk, int n) throws IOException {
        int inMemory = (int) Math.min(n, Math.max(0, MEMORY_LIMIT - size));
        if (inMemory > 0) {
            if (headLength + inMemory > head.length) {
                head = Arrays.copyOf(head, Math.min(MEMORY_LIMIT, Math.max(head.length * 2, headLength + inMemory)));
            }
            System.arraycopy(chunk, 0, head, headLength, inMemory);
            headLength += inMemory;
        }
        if (inMemory < n) {
            if (fileOut == null) {
                file = Files.createTempFile(dir, "relay-", ".eml");
                fileOut = Files.newOutputStream(file);
            }
            fileOut.write(chunk, inMemory, n - inMemory);
        }
        size += n;
    }
}
