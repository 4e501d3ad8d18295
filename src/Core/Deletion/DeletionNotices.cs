using System.Globalization;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Partners;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// Prepares the emails about a deletion request's status changes: one to each admin of the account and one to each
/// member of its partner the partner chose (its admins unless it chose otherwise, see <see cref="PartnerSettings"/>), each in the admin's own language, else in their account's. Recipients are read when the command runs, so the
/// deletion email still reaches the admins whose data the erasure then removes.
/// </summary>
public sealed class DeletionNotices(AccountStore accounts, IdGenerator ids)
{
    public async Task<List<SendEmail>> PrepareAsync(Account account, string template, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var recipients = new List<(Member Admin, string Language)>();
        foreach (var admin in await MembersAsync(account.Id, Member.AdminRoleFor(account.Kind), cancellationToken))
        {
            recipients.Add((admin, admin.LanguageIn(account)));
        }
        if (account.PartnerId is { } partnerId)
        {
            recipients.AddRange(await PartnerRecipientsAsync(partnerId, cancellationToken));
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

    /// <summary>Whom the partner chose to tell (<see cref="PartnerSettings"/>; its admins until it chose), plus its extra address.</summary>
    private async Task<List<(Member Recipient, string Language)>> PartnerRecipientsAsync(string partnerId, CancellationToken cancellationToken)
    {
        var partner = accounts.ReadAccountAsync(partnerId, cancellationToken);
        var stored = await accounts.ReadAsync(partnerId, AccountPartition.PartnerSettings, PartnerSettingsRow.Id, cancellationToken);
        var settings = stored?.Value ?? PartnerSettings.Default;
        var language = (await partner)?.Account.Language ?? "en";
        var members = settings.DeletionNotices switch
        {
            DeletionNoticeRecipients.PartnerAdmins => await MembersAsync(partnerId, MemberRole.PartnerAdmin, cancellationToken),
            DeletionNoticeRecipients.AllMembers => await MembersAsync(partnerId, null, cancellationToken),
            _ => [],
        };
        var recipients = members.Select(m => (m, m.Language ?? language)).ToList();
        if (settings.NoticeAddress is { } address)
        {
            // A shared mailbox rather than a person: no member row, so no name and the partner's language.
            recipients.Add((new Member("", address, null, MemberRole.PartnerEmployee, DateTimeOffset.MinValue), language));
        }
        return recipients;
    }

    /// <summary>The members with an email, of <paramref name="role"/> only when given.</summary>
    private async Task<List<Member>> MembersAsync(string accountId, MemberRole? role, CancellationToken cancellationToken)
    {
        var admins = new List<Member>();
        var where = role is { } only ? (FormattableString)$"Role eq {only.ToString()}" : null;
        await foreach (var member in accounts.QueryAsync(accountId, AccountPartition.Members, where: where, cancellationToken: cancellationToken))
        {
            if (!string.IsNullOrEmpty(member.Value.Email))
            {
                admins.Add(member.Value);
            }
        }
        return admins;
    }
}
