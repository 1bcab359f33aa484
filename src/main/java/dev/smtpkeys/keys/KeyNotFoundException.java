package dev.smtpkeys.keys;

import jakarta.ws.rs.NotFoundException;

/** No such key in the caller's account: answered as 404 whether it exists elsewhere or not at all. */
public class KeyNotFoundException extends NotFoundException {
}
