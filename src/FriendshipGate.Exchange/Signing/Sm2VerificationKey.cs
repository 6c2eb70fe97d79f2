using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace FriendshipGate.Exchange;

/// <summary>SM2 with SM3 and the default user id "1234567812345678"; signatures are r||s (64 bytes).</summary>
internal sealed class Sm2VerificationKey : VerificationKey
{
    private readonly ECPublicKeyParameters publicKey;
    // SM2Signer.Init computes the Z value from the public key: keep one initialised signer per thread.
    private readonly ThreadLocal<SM2Signer> perThread;

    public Sm2VerificationKey(byte[] spki) : base(SignatureAlgorithm.SM2SM3, spki)
    {
        // PublicKeyFactory resolves sm2p256v1 to BouncyCastle's fast custom curve.
        publicKey = (ECPublicKeyParameters)PublicKeyFactory.CreateKey(spki);
        if (!publicKey.Parameters.Curve.Equals(Sm2Curve.Domain.Curve)) throw new ArgumentException("the key is not on the SM2 curve.");
        perThread = new ThreadLocal<SM2Signer>(() =>
        {
            var signer = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
            signer.Init(false, publicKey);
            return signer;
        });
    }

    public override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64) return false;
        var signer = perThread.Value!;
        signer.Reset();
        signer.BlockUpdate(data);
        return signer.VerifySignature(signature.ToArray());
    }
}
