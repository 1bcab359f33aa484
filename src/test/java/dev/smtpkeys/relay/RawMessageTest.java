package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RawMessageTest {

    @Test
    void subjectIsDecodedUnfoldedAndShortened() {
        assertEquals("Your order", RawMessage.subject(bytes("From: a@b.c\r\nSubject: Your order\r\n\r\nSubject: body\r\n")));
        assertEquals("Grüße aus Köln", RawMessage.subject(bytes("subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=\r\n\r\n")));
        assertEquals("a long subject", RawMessage.subject(bytes("Subject: a long\r\n subject\r\nTo: x@y.z\r\n\r\n")));
        assertNull(RawMessage.subject(bytes("From: a@b.c\r\n\r\nSubject: only in the body\r\n")));
        assertEquals(RawMessage.MAX_SUBJECT_LENGTH, RawMessage.subject(bytes("Subject: " + "x".repeat(400) + "\r\n\r\n")).length());
    }

    @Test
    void mailboxesMustBeLocalAtDomain() {
        assertTrue(RawMessage.isValidMailbox("shop@example.org"));
        assertTrue(RawMessage.isValidMailbox("first.last+tag@mail.example.co.uk"));
        assertFalse(RawMessage.isValidMailbox(""));
        assertFalse(RawMessage.isValidMailbox("nobody"));
        assertFalse(RawMessage.isValidMailbox("a@"));
        assertFalse(RawMessage.isValidMailbox("@example.org"));
        assertFalse(RawMessage.isValidMailbox("a b@example.org"));
        assertFalse(RawMessage.isValidMailbox("a@-example.org"));
        assertFalse(RawMessage.isValidMailbox("x".repeat(250) + "@example.org"));
    }

    @Test
    void internationalizedMailboxesAreMailboxes() {
        // whether they may be used is SMTPUTF8's question (MailParameters), not the syntax's
        assertTrue(RawMessage.isValidMailbox("jörg@bücher.example"));
        assertTrue(RawMessage.isValidMailbox("θσερ@παράδειγμα.ελ"));
    }

    @Test
    void mailboxDomainsAreLabelsOrAnAddressLiteral() {
        assertTrue(RawMessage.isValidMailbox("kunde@bücher.example"));
        assertTrue(RawMessage.isValidMailbox("ops@[192.0.2.1]"));
        assertTrue(RawMessage.isValidMailbox("a@x1-y2.example"));
        assertFalse(RawMessage.isValidMailbox("a@example-.org"));
        assertFalse(RawMessage.isValidMailbox("a@example..org"));
        assertFalse(RawMessage.isValidMailbox("a@exa_mple.org"));
        assertFalse(RawMessage.isValidMailbox("a@[not-an-ip]"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
