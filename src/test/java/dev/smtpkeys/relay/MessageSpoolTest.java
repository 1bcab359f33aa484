package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageSpoolTest {

    @TempDir
    Path dir;

    private final InflightBudget budget = new InflightBudget(1024 * 1024);

    @Test
    void onlyCrlfLineEndingsPass() throws IOException {
        assertEquals(MessageSpool.Outcome.COMPLETE, read("a\r\nb\r\n"));
        assertEquals(MessageSpool.Outcome.BARE_LINE_ENDING, read("a\nb\r\n"));
        assertEquals(MessageSpool.Outcome.BARE_LINE_ENDING, read("a\r\n.\n"));
        assertEquals(MessageSpool.Outcome.BARE_LINE_ENDING, read("a\rb\r\n"));
        assertEquals(MessageSpool.Outcome.BARE_LINE_ENDING, read("\nstart"));
        assertEquals(MessageSpool.Outcome.BARE_LINE_ENDING, read("end\r"));
        assertEquals(MessageSpool.Outcome.BARE_LINE_ENDING, read("a\r\r\n"));
    }

    @Test
    void aLineEndingSplitBetweenTwoReadsIsStillOneLineEnding() throws IOException {
        byte[] message = ("x".repeat(8 * 1024 - 1) + "\r\nnext\r\n").getBytes(StandardCharsets.US_ASCII);
        try (MessageSpool spool = new MessageSpool(dir, budget.hold())) {
            assertEquals(MessageSpool.Outcome.COMPLETE, spool.read(new ByteArrayInputStream(message), 1 << 20));
        }
        byte[] bare = ("x".repeat(8 * 1024 - 1) + "\rnext\r\n").getBytes(StandardCharsets.US_ASCII);
        try (MessageSpool spool = new MessageSpool(dir, budget.hold())) {
            assertEquals(MessageSpool.Outcome.BARE_LINE_ENDING, spool.read(new ByteArrayInputStream(bare), 1 << 20));
        }
    }

    @Test
    void aSmallMessageStaysInMemoryAndABigOneGoesToAFileThatCloseDeletes() throws IOException {
        try (MessageSpool small = new MessageSpool(dir, budget.hold())) {
            small.read(new ByteArrayInputStream(lines(2_000)), 1 << 20);
            assertEquals(0, files());
        }
        byte[] big = lines(300_000);
        MessageSpool spool = new MessageSpool(dir, budget.hold());
        assertEquals(MessageSpool.Outcome.COMPLETE, spool.read(new ByteArrayInputStream(big), 1 << 20));
        assertEquals(1, files());
        assertEquals(big.length, spool.size());
        assertArrayEquals(Arrays.copyOf(big, MessageSpool.MEMORY_LIMIT), spool.head());
        try (InputStream in = spool.open()) {
            assertArrayEquals(big, in.readAllBytes());
        }
        spool.close();
        assertEquals(0, files());
    }

    @Test
    void aMessageOverTheLimitIsDrainedAndNothingIsKept() throws IOException {
        ByteArrayInputStream large = new ByteArrayInputStream(lines(300_000));
        try (MessageSpool spool = new MessageSpool(dir, budget.hold())) {
            assertEquals(MessageSpool.Outcome.TOO_LARGE, spool.read(large, 100_000));
            assertEquals(0, large.available());
            assertEquals(0, files());
        }
        assertEquals(budget.totalBytes(), budget.availableBytes());
    }

    @Test
    void whenTheBudgetIsSpentTheMessageIsDrainedAndItsShareGivenBack() throws IOException {
        InflightBudget small = new InflightBudget(4 * InflightBudget.UNIT);
        InflightBudget.Hold other = small.hold();
        assertTrue(other.cover(2 * InflightBudget.UNIT));
        ByteArrayInputStream message = new ByteArrayInputStream(lines(3 * InflightBudget.UNIT));
        try (MessageSpool spool = new MessageSpool(dir, small.hold())) {
            assertEquals(MessageSpool.Outcome.NO_STORAGE, spool.read(message, 1 << 20));
            assertEquals(0, message.available());
            assertEquals(2L * InflightBudget.UNIT, small.availableBytes());
            assertEquals(0, files());
        }
        other.release();
        other.release();
        assertEquals(small.totalBytes(), small.availableBytes());
    }

    @Test
    void aHoldNeverTakesMoreThanTheWholeBudget() {
        InflightBudget small = new InflightBudget(2 * InflightBudget.UNIT);
        InflightBudget.Hold hold = small.hold();
        assertFalse(hold.cover(3L * InflightBudget.UNIT));
        assertTrue(hold.cover(InflightBudget.UNIT + 1));
        assertEquals(0, small.availableBytes());
        hold.release();
        assertEquals(small.totalBytes(), small.availableBytes());
    }

    private MessageSpool.Outcome read(String message) throws IOException {
        try (MessageSpool spool = new MessageSpool(dir, budget.hold())) {
            return spool.read(new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)), 1 << 20);
        }
    }

    private long files() throws IOException {
        try (var list = Files.list(dir)) {
            return list.count();
        }
    }

    /** CRLF lines of 78 bytes up to about {@code size} bytes. */
    private static byte[] lines(int size) {
        return ("y".repeat(76) + "\r\n").repeat(Math.max(1, size / 78)).getBytes(StandardCharsets.US_ASCII);
    }
}
