package dev.smtpkeys.leaks;

import java.util.HexFormat;

import org.jboss.logging.Logger;

import dev.smtpkeys.keys.KeySecret;
import dev.smtpkeys.keys.LeakedKeys;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code POST /api/secret-scanning/report}: a secret scanner reports tokens it found in public, as
 * {@code [{"token": "...", "url": "https://..."}]}, signed ({@link ReportSignature}). The answer says per
 * token, in order and by its SHA-256, whether it was a real key ({@code "real"}) and whether it was
 * deactivated now; never whose. A plain Vert.x route: no session, so no form login and no CSRF cookie
 * apply (the path is public in application.properties), and its body has a limit of its own.
 */
@ApplicationScoped
public class LeakReportRoute {

    static final String PATH = "/api/secret-scanning/report";
    private static final Logger LOG = Logger.getLogger(LeakReportRoute.class);

    private final LeaksConfig config;
    private final LeakedKeys leaked;

    LeakReportRoute(LeaksConfig config, LeakedKeys leaked) {
        this.config = config;
        this.leaked = leaked;
    }

    void install(@Observes Router router) {
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(config.maxBodySize()))
                .blockingHandler(this::handle, false);
    }

    void handle(RoutingContext context) {
        byte[] body = context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes();
        if (!ReportSignature.valid(config.secret().orElse(null), body, context.request().getHeader(ReportSignature.HEADER))) {
            answer(context, 401, new JsonObject().put("error", "missing or invalid signature"));
            return;
        }
        JsonArray candidates;
        try {
            candidates = new JsonArray(context.body().buffer());
        } catch (DecodeException | ClassCastException | NullPointerException e) {
            answer(context, 400, new JsonObject().put("error", "expected a JSON array of {\"token\", \"url\"}"));
            return;
        }
        if (candidates.size() > config.maxTokens()) {
            answer(context, 413, new JsonObject().put("error", "at most " + config.maxTokens() + " tokens per request"));
            return;
        }
        JsonArray results = new JsonArray();
        int deactivated = 0;
        for (Object candidate : candidates) {
            String token = candidate instanceof JsonObject o && o.getValue("token") instanceof String t ? t : null;
            String url = candidate instanceof JsonObject o && o.getValue("url") instanceof String u ? u : null;
            LeakedKeys.Outcome outcome = token == null ? LeakedKeys.Outcome.NOT_A_KEY : leaked.reported(token, url);
            deactivated += outcome == LeakedKeys.Outcome.DEACTIVATED ? 1 : 0;
            results.add(new JsonObject()
                    .put("token_sha256", token == null ? null : HexFormat.of().formatHex(KeySecret.hash(token)))
                    .put("real", outcome != LeakedKeys.Outcome.NOT_A_KEY)
                    .put("deactivated", outcome == LeakedKeys.Outcome.DEACTIVATED));
        }
        LOG.infof("secret-scanning report: %d tokens, %d keys deactivated", candidates.size(), deactivated);
        answer(context, 200, results);
    }

    private static void answer(RoutingContext context, int status, Object json) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(json.toString());
    }
}
