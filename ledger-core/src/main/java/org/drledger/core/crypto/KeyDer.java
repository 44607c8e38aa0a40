package org.drledger.core.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.teletrust.TeleTrusTObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Strict DER for SubjectPublicKeyInfo (RFC 5280), PKCS#8 / OneAsymmetricKey (RFC 5208, RFC 5958) and the
 * ECPrivateKey inside an EC PKCS#8 (RFC 5915). Input must be exactly the DER encoding: no BER, no trailing bytes,
 * which makes a key's bytes (and so its key id) unique.
 */
final class KeyDer {
    static final ASN1ObjectIdentifier ID_EC_PUBLIC_KEY = X9ObjectIdentifiers.id_ecPublicKey;
    static final ASN1ObjectIdentifier SM2P256V1 = GMObjectIdentifiers.sm2p256v1;
    static final ASN1ObjectIdentifier ID_ED25519 = EdECObjectIdentifiers.id_Ed25519;

    private KeyDer() {
    }

    /** An AlgorithmIdentifier: {@code parameters} is null when absent. */
    record Algorithm(ASN1ObjectIdentifier oid, ASN1Primitive parameters) {
    }

    record Spki(Algorithm algorithm, byte[] key) {
    }

    /** {@code publicKey} is null unless a version-2 OneAsymmetricKey carries it. */
    record Pkcs8(Algorithm algorithm, byte[] privateKey, byte[] publicKey) {
    }

    /** The RFC 5915 ECPrivateKey: {@code curve} and {@code publicKey} are null when absent. */
    record EcPrivateKey(byte[] d, ASN1Primitive curve, byte[] publicKey) {
    }

    static ASN1Primitive parse(byte[] der, String what) {
        if (der == null || der.length == 0) {
            throw new PemFormatException("bad-der", what + ": no DER bytes");
        }
        ASN1Primitive p;
        byte[] reencoded;
        try {
            p = ASN1Primitive.fromByteArray(der);
            reencoded = p.getEncoded(ASN1Encoding.DER);
        } catch (IOException | RuntimeException e) {
            throw new PemFormatException("bad-der", what + ": not valid DER (" + e.getMessage() + ")", e);
        }
        if (!Arrays.equals(reencoded, der)) {
            throw new PemFormatException("bad-der", what + ": not DER (non-canonical encoding or trailing bytes)");
        }
        return p;
    }

    static Spki parseSpki(byte[] der) {
        ASN1Sequence seq = sequence(parse(der, "SubjectPublicKeyInfo"), "SubjectPublicKeyInfo");
        if (seq.size() != 2) {
            throw structure("SubjectPublicKeyInfo", "must have 2 elements, has " + seq.size());
        }
        Algorithm alg = algorithm(seq.getObjectAt(0).toASN1Primitive(), "SubjectPublicKeyInfo");
        byte[] key = bitString(seq.getObjectAt(1).toASN1Primitive(), "SubjectPublicKeyInfo.subjectPublicKey");
        return new Spki(alg, key);
    }

    static Pkcs8 parsePkcs8(byte[] der) {
        String what = "PKCS#8 PrivateKeyInfo";
        ASN1Sequence seq = sequence(parse(der, what), what);
        if (seq.size() < 3 || seq.size() > 5) {
            throw structure(what, "must have 3 to 5 elements, has " + seq.size());
        }
        if (!(seq.getObjectAt(0) instanceof ASN1Integer v)) {
            throw structure(what, "version is not an INTEGER");
        }
        int version = v.hasValue(0) ? 0 : v.hasValue(1) ? 1 : -1;
        if (version < 0) {
            throw structure(what, "version must be 0 (v1) or 1 (v2), is " + v.getValue());
        }
        Algorithm alg = algorithm(seq.getObjectAt(1).toASN1Primitive(), what);
        if (!(seq.getObjectAt(2) instanceof ASN1OctetString key)) {
            throw structure(what, "privateKey is not an OCTET STRING");
        }
        byte[] publicKey = null;
        int lastTag = -1;
        for (int i = 3; i < seq.size(); i++) {
            if (!(seq.getObjectAt(i) instanceof ASN1TaggedObject t) || t.getTagClass() != BERTags.CONTEXT_SPECIFIC
                    || t.getTagNo() <= lastTag || t.getTagNo() > 1) {
                throw structure(what, "unexpected element " + i);
            }
            lastTag = t.getTagNo();
            if (t.getTagNo() == 1) { // [1] IMPLICIT publicKey BIT STRING, v2 only; [0] attributes are ignored
                if (version != 1) {
                    throw structure(what, "a v1 PrivateKeyInfo must not carry a public key");
                }
                try {
                    publicKey = bitString(ASN1BitString.getInstance(t, false), what + ".publicKey");
                } catch (IllegalArgumentException e) {
                    throw structure(what, "publicKey is not a BIT STRING");
                }
            }
        }
        return new Pkcs8(alg, key.getOctets(), publicKey);
    }

    static EcPrivateKey parseEcPrivateKey(byte[] der) {
        String what = "ECPrivateKey";
        ASN1Sequence seq = sequence(parse(der, what), what);
        if (seq.size() < 2 || seq.size() > 4) {
            throw structure(what, "must have 2 to 4 elements, has " + seq.size());
        }
        if (!(seq.getObjectAt(0) instanceof ASN1Integer v) || !v.hasValue(1)) {
            throw structure(what, "version must be INTEGER 1");
        }
        if (!(seq.getObjectAt(1) instanceof ASN1OctetString d)) {
            throw structure(what, "privateKey is not an OCTET STRING");
        }
        ASN1Primitive curve = null;
        byte[] publicKey = null;
        int lastTag = -1;
        for (int i = 2; i < seq.size(); i++) {
            if (!(seq.getObjectAt(i) instanceof ASN1TaggedObject t) || t.getTagClass() != BERTags.CONTEXT_SPECIFIC
                    || t.getTagNo() <= lastTag || t.getTagNo() > 1 || !t.isExplicit()) {
                throw structure(what, "unexpected element " + i);
            }
            lastTag = t.getTagNo();
            if (t.getTagNo() == 0) {
                curve = t.getBaseObject().toASN1Primitive();
            } else {
                publicKey = bitString(t.getBaseObject().toASN1Primitive(), what + ".publicKey");
            }
        }
        return new EcPrivateKey(d.getOctets(), curve, publicKey);
    }

    static byte[] encodeSpki(ASN1ObjectIdentifier alg, ASN1ObjectIdentifier params, byte[] key) {
        return der(new DERSequence(new ASN1Encodable[] {algorithmIdentifier(alg, params), new DERBitString(key)}));
    }

    /** A v1 PrivateKeyInfo, as OpenSSL 3 writes it. */
    static byte[] encodePkcs8(ASN1ObjectIdentifier alg, ASN1ObjectIdentifier params, byte[] privateKey) {
        return der(new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(0), algorithmIdentifier(alg, params), new DEROctetString(privateKey)}));
    }

    /** ECPrivateKey with the public key and without curve parameters (they are in the PKCS#8), as OpenSSL 3 writes it. */
    static byte[] encodeEcPrivateKey(byte[] d, byte[] publicKey) {
        return der(new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(1), new DEROctetString(d), new DERTaggedObject(true, 1, new DERBitString(publicKey))}));
    }

    static byte[] encodeOctetString(byte[] b) {
        return der(new DEROctetString(b));
    }

    static byte[] parseOctetString(byte[] der, String what) {
        if (!(parse(der, what) instanceof ASN1OctetString os)) {
            throw structure(what, "is not an OCTET STRING");
        }
        return os.getOctets();
    }

    /** A readable name for messages; the OID when unknown. */
    static String describe(ASN1ObjectIdentifier oid) {
        if (oid.equals(ID_EC_PUBLIC_KEY)) {
            return "EC (id-ecPublicKey)";
        } else if (oid.equals(ID_ED25519)) {
            return "Ed25519";
        } else if (oid.equals(EdECObjectIdentifiers.id_Ed448)) {
            return "Ed448";
        } else if (oid.equals(EdECObjectIdentifiers.id_X25519)) {
            return "X25519";
        } else if (oid.equals(EdECObjectIdentifiers.id_X448)) {
            return "X448";
        } else if (oid.equals(PKCSObjectIdentifiers.rsaEncryption) || oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            return "RSA";
        } else if (oid.equals(X9ObjectIdentifiers.id_dsa)) {
            return "DSA";
        } else if (oid.equals(SM2P256V1)) {
            return "sm2p256v1";
        } else if (oid.equals(SECObjectIdentifiers.secp256r1)) {
            return "P-256 (secp256r1)";
        } else if (oid.equals(SECObjectIdentifiers.secp384r1)) {
            return "P-384 (secp384r1)";
        } else if (oid.equals(SECObjectIdentifiers.secp521r1)) {
            return "P-521 (secp521r1)";
        } else if (oid.equals(SECObjectIdentifiers.secp256k1)) {
            return "secp256k1";
        } else if (oid.equals(TeleTrusTObjectIdentifiers.brainpoolP256r1)) {
            return "brainpoolP256r1";
        } else if (oid.equals(NISTObjectIdentifiers.id_ml_dsa_44)) {
            return "ML-DSA-44";
        }
        return oid.getId();
    }

    /** Fixed-length big-endian; callers have checked the range. */
    static byte[] unsigned(BigInteger v, int length) {
        byte[] b = v.toByteArray();
        if (b.length == length) {
            return b;
        }
        byte[] out = new byte[length];
        int copy = Math.min(b.length, length);
        System.arraycopy(b, b.length - copy, out, length - copy, copy);
        return out;
    }

    private static ASN1Sequence algorithmIdentifier(ASN1ObjectIdentifier alg, ASN1ObjectIdentifier params) {
        ASN1EncodableVector v = new ASN1EncodableVector(2);
        v.add(alg);
        if (params != null) {
            v.add(params);
        }
        return new DERSequence(v);
    }

    private static Algorithm algorithm(ASN1Primitive p, String what) {
        ASN1Sequence seq = sequence(p, what + ".algorithm");
        if (seq.size() < 1 || seq.size() > 2 || !(seq.getObjectAt(0) instanceof ASN1ObjectIdentifier oid)) {
            throw structure(what, "algorithm is not an AlgorithmIdentifier");
        }
        return new Algorithm(oid, seq.size() == 2 ? seq.getObjectAt(1).toASN1Primitive() : null);
    }

    private static ASN1Sequence sequence(ASN1Primitive p, String what) {
        if (!(p instanceof ASN1Sequence seq)) {
            throw structure(what, "is not a SEQUENCE");
        }
        return seq;
    }

    private static byte[] bitString(ASN1Primitive p, String what) {
        if (!(p instanceof ASN1BitString bits)) {
            throw structure(what, "is not a BIT STRING");
        }
        if (bits.getPadBits() != 0) {
            throw structure(what, "has unused bits");
        }
        return bits.getOctets();
    }

    private static byte[] der(ASN1Encodable e) {
        try {
            return e.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException ex) {
            throw new IllegalStateException("DER encoding of a fixed structure failed", ex);
        }
    }

    private static PemFormatException structure(String what, String problem) {
        return new PemFormatException("bad-der", what + " " + problem);
    }
}
