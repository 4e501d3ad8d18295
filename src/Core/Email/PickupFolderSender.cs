using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Email;

/// <summary>The local default: writes each email as <c>{id}.eml</c> into the pickup folder (rewriting the same file if sent twice).</summary>
public sealed class PickupFolderSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var message = MimeMessages.Build(email, options.Value);
        var path = Path.Combine(directory, email.Id + ".eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
