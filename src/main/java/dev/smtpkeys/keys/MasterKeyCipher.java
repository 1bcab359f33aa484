package dev.smtpkeys.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * AES-256-GCM for the master key, the only secret that can be shown again. The account id is the
 * associated data, so a ciphertext copied onto another account's row does not decrypt.
 */
@ApplicationScoped
public class MasterKeyCipher {

    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    MasterKeyCipher(KeysConfig config) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(config.encryptionKey()), "AES");
    }

    byte[] encrypt(String secret, long accountId) {
        byte[] iv = new byte[IV_LENGTH];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, accountId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(IV_LENGTH + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt the master key", e);
        }
    }

    String decrypt(byte[] stored, long accountId) {
        try {
            byte[] iv = java.util.Arrays.copyOfRange(stored, 0, IV_LENGTH);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv, accountId);
            byte[] plain = cipher.doFinal(stored, IV_LENGTH, stored.length - IV_LENGTH);
            return new String(plain, StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            // wrong configured key or tampered row; the message names neither secret
            throw new IllegalStateException("could not decrypt the master key of account " + accountId, e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, long accountId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(ByteBuffer.allocate(Long.BYTES).putLong(accountId).array());
        return cipher;
    }
}
