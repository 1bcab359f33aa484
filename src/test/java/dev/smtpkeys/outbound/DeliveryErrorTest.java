package dev.smtpkeys.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.ConnectException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** What of a failed delivery try is kept for the customer, and what only goes to the log. */
class DeliveryErrorTest {

    @Test
    void unreachableUpstreamIsStoredAsACodeWithoutItsHostName() {
        MailConnectException e = new MailConnectException(
                new SocketConnectException("Using socket factory", new ConnectException("refused"), "smtp.internal", 25, 30000));
        DeliveryError error = DeliveryError.of(e);
        assertEquals("UPSTREAM_UNREACHABLE", error.stored());
        assertFalse(error.stored().contains("smtp.internal"));
        // the log still says where it tried
        assertEquals(true, UpstreamClient.describe(e).contains("smtp.internal"));
    }

    @Test
    void refusalKeepsTheUpstreamsReplyInOneLine() throws AddressException {
        SendFailedException e = refused(rcpt("a@example.net", 550, "550-5.1.1 <a@example.net>: User unknown\n550 5.1.1 Try another"));
        assertEquals("UPSTREAM_REJECTED|550-5.1.1 <a@example.net>: User unknown 550 5.1.1 Try another",
                DeliveryError.of(e).stored());
    }

    @Test
    void aTemporaryReplyIsTheReasonWhenTheMessageWillBeTriedAgain() throws AddressException {
        SMTPAddressFailedException permanent = rcpt("a@example.net", 550, "550 5.1.1 User unknown");
        permanent.setNextException(rcpt("b@example.net", 451, "4.3.0 Try again later"));
        DeliveryError error = DeliveryError.of(refused(permanent));
        assertEquals(new DeliveryError(DeliveryError.Code.UPSTREAM_REJECTED, "451 4.3.0 Try again later"), error);
    }

    @Test
    void anExpiredMessageKeepsTheLastReplyButNeverAnInternalCause() throws AddressException {
        DeliveryError lastReply = DeliveryError.of(refused(rcpt("a@example.net", 451, "451 4.3.0 Try again later")));
        assertEquals("EXPIRED|451 4.3.0 Try again later", lastReply.expired().stored());
        assertEquals("EXPIRED", DeliveryError.of(new IllegalStateException("smtp.internal:25 gone")).expired().stored());
    }

    @Test
    void storedValuesReadBackAndOlderFreeTextIsNeverShown() {
        DeliveryError rejected = new DeliveryError(DeliveryError.Code.UPSTREAM_REJECTED, "553 5.7.1 a|b");
        assertEquals(rejected, DeliveryError.parse(rejected.stored()));
        assertEquals(new DeliveryError(DeliveryError.Code.EXPIRED, ""), DeliveryError.parse("EXPIRED"));
        assertEquals(new DeliveryError(DeliveryError.Code.UNKNOWN, ""),
                DeliveryError.parse("Couldn't connect to host, port: smtp.internal, 25"));
        assertEquals(new DeliveryError(DeliveryError.Code.UNKNOWN, ""), DeliveryError.parse("UNKNOWN|smtp.internal"));
        assertEquals(null, DeliveryError.parse(null));
    }

    @Test
    void aLongReplyIsCutToTheColumn() {
        assertEquals(1000, new DeliveryError(DeliveryError.Code.UPSTREAM_REJECTED, "5".repeat(2000)).stored().length());
    }

    private static SMTPAddressFailedException rcpt(String to, int code, String reply) throws AddressException {
        return new SMTPAddressFailedException(new InternetAddress(to), "RCPT TO:<" + to + ">", code, reply);
    }

    private static SendFailedException refused(Exception cause) {
        return new SendFailedException("Invalid Addresses", cause, new Address[0], new Address[0], new Address[0]);
    }
}
