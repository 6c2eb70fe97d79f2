using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;

namespace FriendshipGate.Exchange;

internal static class Sm2Curve
{
    // CustomNamedCurves, not GMNamedCurves: the same curve, 5-7x faster (TOOLCHAIN.md).
    public static readonly ECNamedDomainParameters Domain =
        new(GMObjectIdentifiers.sm2p256v1, CustomNamedCurves.GetByName("sm2p256v1"));
}
