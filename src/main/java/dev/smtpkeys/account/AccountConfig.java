package dev.smtpkeys.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of accounts and sign-in. */
@ConfigMapping(prefix = "smtpkeys.account")
public interface AccountConfig {

    /** The domain of generated SMTP logins ({@code x7f3k2a@<domain>}). */
    @WithDefault("smtp.example.test")
    String loginDomain();
}
