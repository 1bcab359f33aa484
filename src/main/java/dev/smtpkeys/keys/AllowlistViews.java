package dev.smtpkeys.keys;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The key table's allowlists, read once per request and account (one query, not one per row).
 * Templates write {@code {inject:allowlists.of(key)}}.
 */
@RequestScoped
@Named("allowlists")
public class AllowlistViews {

    private final Map<Long, Map<Long, List<String>>> byAccount = new HashMap<>();

    /** The key's networks as shown, empty when it may be used from anywhere. */
    public List<String> of(SmtpKey key) {
        return byAccount.computeIfAbsent(key.account.id, id -> AllowedNetwork.ofAccount(key.account))
                .getOrDefault(key.id, List.of());
    }

    /** The same, comma-separated, for the table row; empty when unrestricted. */
    public String joined(SmtpKey key) {
        return String.join(", ", of(key));
    }

    /** The same, one per line, as the dialog's text area is filled with. */
    public String text(SmtpKey key) {
        return String.join("\n", of(key));
    }
}
