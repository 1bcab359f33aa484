package dev.smtpkeys.keys;

import java.util.List;
import java.util.UUID;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.sending.SendingUsage;

/**
 * What the SMTP tab shows. {@code created} and {@code revealed} carry a secret and are set only in
 * the answer to the POST that produced it; {@code sending} is the account's sending limits and usage.
 */
public record KeysPage(Account account, String smtpHost, int smtpPort, List<SmtpKey> keys, int maxKeys,
        UUID nonce, GenerateForm form, GeneratedKey created, String revealed, SendingUsage sending) {

    /** The generate dialog's state: what was typed and what is wrong with it. */
    public record GenerateForm(String name, String error, boolean open) {

        public static GenerateForm empty() {
            return new GenerateForm("", null, false);
        }
    }

    public boolean atLimit() {
        return keys.size() >= maxKeys;
    }

    @Override
    public String toString() {
        return "KeysPage[account=" + account.id + ", keys=" + keys.size() + "]";
    }
}
