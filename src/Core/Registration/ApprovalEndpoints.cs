using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Registration;

/// <summary>Deciding on a registration that waits for approval: approve (active) or reject (deleted and erased as a deletion is, the reason emailed first).</summary>
public sealed class ApprovalEndpoints(IdGenerator ids)
{
    public async Task<Answer<ApiResponse, NotPendingApproval>> Approve(AccountSession session, ApiRequest request)
    {
        var account = session.Existing;
        if (account.Status != AccountStatus.PendingApproval)
        {
            return new NotPendingApproval();
        }
        var now = session.Now;
        var stored = await session.ReadAsync(AccountPartition.Registration, "");
        var record = stored?.Value;
        account.Approve(now);
        if (stored is not null)
        {
            session.Replace(AccountPartition.Registration, stored.Value.Approved(session.Caller.UserId, now), stored.ETag);
        }
        session.Record(EventTypes.CustomerApproved, null, [new FieldChange("status", "pendingApproval", "active")]);
        session.Effect(new SyncAccountListing());
        session.Effect(new SyncAllMemberships());
        if ((record?.Email ?? account.CompanyEmail) is { } to)
        {
            var name = record?.FullName ?? account.Name;
            var values = new Dictionary<string, string> { ["fullName"] = name, ["companyName"] = account.Name };
            session.Effect(new SendEmail(new EmailMessage(ids.New(), RegistrationEmails.Approved, account.Language, to, name, values) { AccountId = account.Id }));
        }
        return await session.CommitAsync(ApiResponse.Ok(AccountView.From(account)));
    }

    /// <summary>
    /// The account ends as a deleted one does (<see cref="AccountDeletion.StageEnd"/>): its identifier stays reserved,
    /// members lose access and personal data is erased (the reason too, once the registrant has been emailed it).
    /// </summary>
    public async Task<Answer<ApiResponse, Invalid, NotPendingApproval>> Reject(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<RejectCustomerBody>();
        if (new Validator().Text("reason", body.Reason, 1000, required: true).Failure is { } invalid)
        {
            return invalid;
        }
        var reason = body.Reason!.Trim();
        var account = session.Existing;
        if (account.Status != AccountStatus.PendingApproval)
        {
            return new NotPendingApproval();
        }
        var now = session.Now;
        var record = (await session.ReadAsync(AccountPartition.Registration, ""))?.Value;
        // Read before the account's contacts are cleared; the email goes out after the erasure.
        var to = record?.Email ?? account.CompanyEmail;
        var toName = record?.FullName ?? account.Name;

        var rejected = (record ?? new RegistrationRecord("", null, null, account.Language, account.PartnerId, null, account.CreatedAt)).Rejected(reason, session.Caller.UserId, now);
        session.Upsert(AccountPartition.Registration, rejected);
        session.Record(EventTypes.CustomerRejected, new { reason }, [new FieldChange("status", "pendingApproval", "deleted")]);
        AccountDeletion.StageEnd(session, ErasureReason.Rejection);
        if (to is not null)
        {
            var values = new Dictionary<string, string> { ["fullName"] = toName, ["companyName"] = account.Name, ["reason"] = reason };
            session.Effect(new SendEmail(new EmailMessage(ids.New(), RegistrationEmails.Rejected, account.Language, to, toName, values) { AccountId = account.Id }));
        }
        return await session.CommitAsync(ApiResponse.Ok(AccountView.From(account)));
    }
}
