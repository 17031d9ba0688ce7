using System.Security.Cryptography;
using System.Text;

namespace Bitrix24.Inbound;

/// <summary>
/// Compares application tokens in constant time: both are hashed first, so neither the content nor the
/// length of the expected token leaks through how long a wrong guess takes.
/// </summary>
internal static class ApplicationTokens
{
    public static bool AreEqual(string? received, string? expected)
    {
        if (string.IsNullOrEmpty(received) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        Span<byte> a = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> b = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(received), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
