package org.drledger.core.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The GB/T 32918.2 signature arithmetic written out step by step, independent of Bouncy Castle's SM2Signer, to
 * produce and check the intermediate values (Z, e) of the interop vectors.
 */
final class Sm2Reference {
    private static final BigInteger N = Sm2Suite.DOMAIN.getN();

    private Sm2Reference() {
    }

    /** Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA), ENTL = bit length of ID as 2 bytes (§5.5). */
    static byte[] z(byte[] userId, byte[] rawPublicKey) {
        int bits = userId.length * 8;
        byte[] entl = {(byte) (bits >> 8), (byte) bits};
        ECPoint g = Sm2Suite.DOMAIN.getG();
        return HashAlgorithm.SM3.digest(entl, userId,
                fe(Sm2Suite.DOMAIN.getCurve().getA().toBigInteger()), fe(Sm2Suite.DOMAIN.getCurve().getB().toBigInteger()),
                fe(g.getAffineXCoord().toBigInteger()), fe(g.getAffineYCoord().toBigInteger()),
                Arrays.copyOfRange(rawPublicKey, 1, 33), Arrays.copyOfRange(rawPublicKey, 33, 65));
    }

    /** e = SM3(Z || M) (§6.1 A1-A2). */
    static byte[] e(byte[] z, byte[] message) {
        return HashAlgorithm.SM3.digest(z, message);
    }

    /** {r, s} of a DER signature. */
    static BigInteger[] rs(byte[] der) {
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        return new BigInteger[] {ASN1Integer.getInstance(seq.getObjectAt(0)).getValue(),
            ASN1Integer.getInstance(seq.getObjectAt(1)).getValue()};
    }

    /** §7.1 B1-B7 given e: t = r + s mod n, (x1, y1) = [s]G + [t]P, accept iff r == e + x1 mod n. */
    static boolean verifyWithE(byte[] rawPublicKey, byte[] e, BigInteger r, BigInteger s) {
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        BigInteger t = r.add(s).mod(N);
        if (t.signum() == 0) {
            return false;
        }
        ECPoint p = Sm2Suite.DOMAIN.getCurve().decodePoint(rawPublicKey);
        ECPoint x1y1 = Sm2Suite.DOMAIN.getG().multiply(s).add(p.multiply(t)).normalize();
        return new BigInteger(1, e).add(x1y1.getAffineXCoord().toBigInteger()).mod(N).equals(r);
    }

    private static byte[] fe(BigInteger v) {
        return KeyDer.unsigned(v, 32);
    }
}
