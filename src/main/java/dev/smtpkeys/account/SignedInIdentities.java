package dev.smtpkeys.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the identity of a form-login cookie, which runs on every request, static assets included:
 * the JPA provider looked the user up in the database each time, on a worker thread. A user's role is
 * set when the user is created and never changes, so it is kept here for a minute and a request that
 * finds it stays on the event loop without a query. Whether the user and the session still exist is
 * not decided here: {@link SessionGate} checks both on every page, as before.
 */
@ApplicationScoped
public class SignedInIdentities implements IdentityProvider<TrustedAuthenticationRequest> {

    private final DataSource dataSource;
    private final Cache<String, String> roles = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    SignedInIdentities(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // above the JPA provider (default 1001), which still answers for an unknown user
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String name = request.getPrincipal();
        String role = roles.getIfPresent(name);
        if (role != null) {
            return Uni.createFrom().item(identity(name, role));
        }
        return context.runBlocking(() -> {
            String found = roleOf(name);
            if (found == null) {
                return null;
            }
            roles.put(name, found);
            return identity(name, found);
        });
    }

    private static SecurityIdentity identity(String name, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole(role).build();
    }

    private String roleOf(String email) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select role from app_user where email = ?")) {
            s.setString(1, email);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("user lookup failed", e);
        }
    }
}
