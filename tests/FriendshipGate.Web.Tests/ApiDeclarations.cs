using FriendshipGate.Testing;

namespace FriendshipGate.Web.Tests;

/// <summary>Declarations lodged through the API, for the tests whose subject is a screen other than the portal's form.</summary>
internal static class ApiDeclarations
{
    public static object DurianExport(string phytosanitaryCertificate) =>
        SampleClearance.DurianExport(phytosanitaryCertificate: phytosanitaryCertificate, plate: "12C-54321", seal: "VN654321", certificateOfOrigin: "E26VN0901");
}
