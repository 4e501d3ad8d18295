using System.Globalization;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// Prepares the emails about a deletion request's status changes: one to each admin of the account and one to each admin
/// of its partner, each in the admin's own language, else in their account's. Recipients are read when the command runs, so the
/// deletion email still reaches the admins whose data the erasure then removes.
/// </summary>
public sealed class DeletionNotices(AccountStore accounts, IdGenerator ids)
{
    public async Task<List<SendEmail>> PrepareAsync(Account account, string template, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var recipients = new List<(Member Admin, string Language)>();
        foreach (var admin in await AdminsAsync(account.Id, Member.AdminRoleFor(account.Kind), cancellationToken))
        {
            recipients.Add((admin, admin.Language ?? account.Language));
        }
        if (account.PartnerId is { } partnerId)
        {
            var partner = await accounts.ReadAccountAsync(partnerId, cancellationToken);
            var language = partner?.Account.Language ?? "en";
            foreach (var admin in await AdminsAsync(partnerId, MemberRole.PartnerAdmin, cancellationToken))
            {
                recipients.Add((admin, admin.Language ?? language));
            }
        }
        var emails = new List<SendEmail>();
        foreach (var (admin, language) in recipients.DistinctBy(r => r.Admin.Email, StringComparer.OrdinalIgnoreCase))
        {
            var personal = new Dictionary<string, string>(values)
            {
                ["recipientName"] = admin.Name ?? admin.Email!,
                ["accountName"] = account.Name,
                ["accountId"] = account.Id,
            };
            emails.Add(new SendEmail(new EmailMessage(ids.New(), template, language, admin.Email!, admin.Name, personal) { AccountId = account.Id }));
        }
        return emails;
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private async Task<List<Member>> AdminsAsync(string accountId, MemberRole role, CancellationToken cancellationToken)
    {
        var admins = new List<Member>();
        await foreach (var member in accounts.QueryAsync(accountId, AccountPartition.Members, where: $"Role eq {role.ToString()}", cancellationToken: cancellationToken))
        {
            if (!string.IsNullOrEmpty(member.Value.Email))
            {
                admins.Add(member.Value);
            }
        }
        return admins;
    }
}
