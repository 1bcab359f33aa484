package dev.smtpkeys.keys;

import java.util.List;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One address or CIDR range a key may be used from. A key without any is usable from everywhere;
 * the rows go with the key when it is deleted (on delete cascade).
 */
@Entity
@Table(name = "smtp_key_allowed_network")
public class AllowedNetwork extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "key_id", nullable = false, updatable = false)
    public long keyId;

    /** The key's account, which the SMTP tab reads the rows by ({@link KeyTable}). */
    @Column(name = "account_id", nullable = false, updatable = false)
    public long accountId;

    /** A PostgreSQL {@code cidr}: written from the normalized text, read back as PostgreSQL prints it. */
    @Column(nullable = false, updatable = false, columnDefinition = "cidr")
    @ColumnTransformer(write = "cast(? as cidr)")
    public String network;

    /** The key's networks as pages show them, in the order of the database's cidr sort. */
    public static List<String> ofKey(long keyId) {
        return AllowedNetwork.<AllowedNetwork>list("keyId = ?1 order by id", keyId).stream()
                .map(n -> Networks.display(n.network)).toList();
    }

    static void replace(SmtpKey key, List<String> networks) {
        delete("keyId", key.id);
        for (String network : networks) {
            AllowedNetwork row = new AllowedNetwork();
            row.keyId = key.id;
            row.accountId = key.account.id;
            row.network = network;
            row.persist();
        }
    }
}
