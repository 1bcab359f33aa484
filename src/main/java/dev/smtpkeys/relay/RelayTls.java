package dev.smtpkeys.relay;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.subethamail.smtp.server.SSLSocketCreator;

/**
 * The relay's STARTTLS side: an {@link SSLContext} from the configured keystore, or from a
 * self-signed certificate made in memory at start where configuration allows it (dev, test, demo).
 */
final class RelayTls {

    // protects only the in-memory keystore of a certificate made at start
    private static final String SELF_SIGNED_PASSWORD = "in-memory";
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private RelayTls() {
    }

    static SSLContext context(RelayConfig.Tls config, String hostname) {
        try {
            char[] password = config.keystorePassword().orElse("").toCharArray();
            KeyStore store;
            if (config.keystore().isPresent()) {
                store = KeyStore.getInstance(type(config.keystore().get()));
                try (InputStream in = Files.newInputStream(Path.of(config.keystore().get()))) {
                    store.load(in, password);
                }
            } else if (config.selfSigned()) {
                password = SELF_SIGNED_PASSWORD.toCharArray();
                store = selfSigned(hostname, password);
            } else {
                throw new IllegalStateException("the SMTP relay needs a certificate for STARTTLS: set "
                        + "smtpkeys.relay.tls.keystore (and keystore-password), or smtpkeys.relay.tls.self-signed=true");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up STARTTLS for the SMTP relay: " + e.getMessage(), e);
        }
    }

    /**
     * Wraps an accepted socket for STARTTLS. Unlike SubEthaSMTP's default it asks no reverse DNS and
     * offers only TLS 1.2 and 1.3 with the JDK's default cipher suites.
     */
    static SSLSocketCreator socketCreator(SSLContext context) {
        return (Socket socket) -> {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket,
                    socket.getInetAddress().getHostAddress(), socket.getPort(), true);
            tls.setUseClientMode(false);
            tls.setEnabledProtocols(Arrays.stream(PROTOCOLS)
                    .filter(p -> Arrays.asList(tls.getSupportedProtocols()).contains(p)).toArray(String[]::new));
            return tls;
        };
    }

    private static KeyStore selfSigned(String hostname, char[] password) throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + hostname.replaceAll("[,=+<>#;\"\\\\]", ""));
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, hostname)));
        try {
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("relay", pair.getPrivate(), password, new X509Certificate[] {certificate});
            return store;
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String type(String file) {
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".jks") ? "JKS" : "PKCS12";
    }
}
