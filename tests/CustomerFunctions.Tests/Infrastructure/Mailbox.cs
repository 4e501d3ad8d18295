using MimeKit;

namespace CustomerFunctions.Tests.Infrastructure;

/// <summary>Reads the emails the pickup-folder sender wrote.</summary>
public sealed class Mailbox(string directory)
{
    public IReadOnlyList<MimeMessage> All() =>
        Directory.GetFiles(directory, "*.eml").Select(path => MimeMessage.Load(path)).ToList();

    public IReadOnlyList<MimeMessage> To(string address) =>
        All().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until at least <paramref name="count"/> emails to <paramref name="address"/> exist (the email worker polls the queue).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitFor(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = To(address);
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(found.Count >= count, $"Expected {count} email(s) to {address}, found {found.Count}.");
                return found;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The value of the <c>token</c> query parameter in the first panel link of an email.</summary>
    public static string TokenIn(MimeMessage message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"[?&]token=([A-Za-z0-9_\-%]+)");
        Assert.True(match.Success, "The email carries no token link: " + message.TextBody);
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }
}
