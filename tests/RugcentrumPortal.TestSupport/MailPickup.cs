using System.Text;
using System.Text.RegularExpressions;

namespace RugcentrumPortal.TestSupport;

/// <summary>Reads the messages the portal wrote to its pickup folder, as a mail client would show them.</summary>
public static partial class MailPickup
{
    public sealed record Message(string To, string Subject, string Body);

    public static IReadOnlyList<Message> Read(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.eml").OrderBy(File.GetCreationTimeUtc).Select(f => Parse(File.ReadAllText(f))).ToList()
            : [];

    private static Message Parse(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = raw[..split];
        var body = raw[(split + 4)..];
        if (headers.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            body = DecodeQuotedPrintable(body);
        }
        else if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\r', '\n'))));
        }
        return new Message(Header(headers, "To"), Header(headers, "Subject"), body);
    }

    private static string Header(string headers, string name) =>
        Regex.Match(headers, $"^{name}: (.*)$", RegexOptions.Multiline).Groups[1].Value.Trim();

    private static string DecodeQuotedPrintable(string text)
    {
        var joined = text.Replace("=\r\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
