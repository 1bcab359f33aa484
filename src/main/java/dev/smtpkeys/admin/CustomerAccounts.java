package dev.smtpkeys.admin;

import dev.smtpkeys.account.Account;
import jakarta.ws.rs.NotFoundException;

/** The customer account a support route names by its id. */
final class CustomerAccounts {

    private CustomerAccounts() {
    }

    /** Account {@code id}, or the not-found page. */
    static Account byId(long id) {
        Account account = Account.findById(id);
        if (account == null) {
            throw new NotFoundException();
        }
        return account;
    }
}
