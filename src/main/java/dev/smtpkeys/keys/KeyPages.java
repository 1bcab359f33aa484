package dev.smtpkeys.keys;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.sending.SendingLimits;
import dev.smtpkeys.web.DateViews;
import dev.smtpkeys.web.Messages;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Builds the SMTP tab's {@link KeysPage} for the resources that answer with it. One for the application:
 * the signed-in user and the request are request-scoped beans, reached through their proxies.
 */
@ApplicationScoped
class KeyPages {

    private final KeysConfig config;
    private final CurrentUser currentUser;
    private final SmtpEndpoint endpoint;
    private final HttpServerRequest request;
    private final Clock clock;
    private final SendingLimits sending;
    private final DataSource dataSource;

    KeyPages(KeysConfig config, CurrentUser currentUser, SmtpEndpoint endpoint, HttpServerRequest request, Clock clock,
            SendingLimits sending, DataSource dataSource) {
        this.config = config;
        this.currentUser = currentUser;
        this.endpoint = endpoint;
        this.request = request;
        this.clock = clock;
        this.sending = sending;
        this.dataSource = dataSource;
    }

    /** The plain page, or with {@code staleOnly} the stale keys only. */
    KeysPage plain(boolean staleOnly) {
        return page(KeysPage.GenerateForm.empty(), null, null, staleOnly, false, null);
    }

    KeysPage withForm(KeysPage.GenerateForm form) {
        return page(form, null, null, false, false, null);
    }

    /** The page that shows a new key's secret once; {@code rotated}: it is a replacement. */
    KeysPage withCreated(GeneratedKey created, boolean rotated) {
        return page(KeysPage.GenerateForm.empty(), created, null, false, rotated, null);
    }

    KeysPage withRevealed(String secret) {
        return page(KeysPage.GenerateForm.empty(), null, secret, false, false, null);
    }

    /** The page with the password prompt before a reveal open, and the last try's problem, if any. */
    KeysPage withSudo(String error) {
        return page(KeysPage.GenerateForm.empty(), null, null, false, false, new KeysPage.SudoForm(error));
    }

    private KeysPage page(KeysPage.GenerateForm form, GeneratedKey created, String revealed, boolean staleOnly,
            boolean rotated, KeysPage.SudoForm sudo) {
        KeyTable table = KeyTable.of(dataSource, currentUser.accountId(), sending);
        List<SmtpKey> keys = KeysPage.paired(table.keys());
        KeysPage.Facts facts = new KeysPage.Facts(clock.instant(), config.staleAfter(), table.clientIps(),
                staleOnly, rotated, sudo);
        Map<Long, SmtpKey> byId = new HashMap<>();
        keys.forEach(key -> byId.put(key.id, key));
        Locale locale = DateViews.requestLocale();
        List<KeyRow> rows = KeyRow.of(keys, new KeyRow.Facts(facts.now(), locale, KeysResource.HOME,
                facts.staleAfter(), facts.clientIps(), table.networks()), byId);
        KeyRow.Labels labels = KeyRow.Labels.of(Messages.in(KeysMessages.class, locale), facts.staleAfter());
        HostAndPort authority = request.authority();
        String host = endpoint.host(authority == null ? null : authority.host());
        return new KeysPage(currentUser.shown().smtpLogin(), host, endpoint.ports(), keys, rows, labels,
                config.maxPerAccount(), form, created, revealed, facts, table.sending());
    }

    /** An answer that carries a secret: rendered directly and never cached. */
    static Response secretAnswer(Object page) {
        return Response.ok(page).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
