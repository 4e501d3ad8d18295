using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Registration;

public sealed record RejectCustomerBody(string? Reason);

/// <summary>Deciding on a registration that waits for approval: approve (active) or reject (deleted, personal data erased).</summary>
public sealed class ApprovalEndpoints(AccountStore accounts, IdGenerator ids)
{
    private const string InvitationPrefix = "invitation|";

    public async Task<IResult> Approve(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Managers, writes: true);
        var account = RequirePending(session);
        var record = await ReadRecordAsync(session, request.Aborted);
        account.Approve(session.Now);
        if (record is not null)
        {
            session.Replace(AccountPartition.Registration.ToEntity(account.Id, record.Approved(request.Caller.UserId, session.Now)));
        }
        session.Record(EventTypes.CustomerApproved, null, [new FieldChange("status", "pendingApproval", "active")]);
        session.Effect(new SyncAccountListing());
        if ((record?.Email ?? account.CompanyEmail) is { } to)
        {
            var name = record?.FullName ?? account.Name;
            var values = new Dictionary<string, string> { ["fullName"] = name, ["companyName"] = account.Name };
            session.Effect(new SendEmail(new EmailMessage(ids.New(), RegistrationEmails.Approved, account.Language, to, name, values) { AccountId = account.Id }));
        }
        return await session.CommitAsync(ApiResponse.Ok(AccountView.From(account)));
    }

    public async Task<IResult> Reject(ApiRequest request)
    {
        var body = request.ReadBody<RejectCustomerBody>();
        new Validator().Text("reason", body.Reason, 1000, required: true).ThrowIfInvalid();
        var reason = body.Reason!.Trim();
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Managers, writes: true);
        var account = RequirePending(session);
        var record = await ReadRecordAsync(session, request.Aborted);
        var to = record?.Email ?? account.CompanyEmail;
        var toName = record?.FullName ?? account.Name;

        // The account goes, its identifier stays reserved; members lose access and personal data is erased.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {account.Id} and RowKey ge {MemberRow.Prefix} and RowKey lt {Keys.PrefixEnd(MemberRow.Prefix)}");
        await foreach (var row in session.Table.QueryAsync<TableEntity>(filter, select: ["RowKey", "UserId"], cancellationToken: request.Aborted))
        {
            session.Delete(row.RowKey, row.ETag);
            session.Effect(new SyncMembership(row.GetString("UserId") ?? ""));
        }
        // Invitations carry names and emails too; deleting the row also makes its token useless (pointers are verified against it).
        var invitations = TableClient.CreateQueryFilter($"PartitionKey eq {account.Id} and RowKey ge {InvitationPrefix} and RowKey lt {Keys.PrefixEnd(InvitationPrefix)}");
        await foreach (var row in session.Table.QueryAsync<TableEntity>(invitations, select: ["RowKey"], cancellationToken: request.Aborted))
        {
            session.Delete(row.RowKey, row.ETag);
        }
        var now = session.Now;
        account.MarkDeleted(now);
        var rejected = (record ?? new RegistrationRecord("", null, null, account.Language, account.PartnerId, null, account.CreatedAt)).Rejected(reason, request.Caller.UserId, now);
        session.Upsert(AccountPartition.Registration, rejected);
        session.Record(EventTypes.CustomerRejected, new { reason }, [new FieldChange("status", "pendingApproval", "deleted")]);
        session.Effect(new SyncAccountListing());
        if (to is not null)
        {
            var values = new Dictionary<string, string> { ["fullName"] = toName, ["companyName"] = account.Name, ["reason"] = reason };
            session.Effect(new SendEmail(new EmailMessage(ids.New(), RegistrationEmails.Rejected, account.Language, to, toName, values) { AccountId = account.Id }));
        }
        return await session.CommitAsync(ApiResponse.Ok(AccountView.From(account)));
    }

    private static Account RequirePending(AccountSession session)
    {
        var account = session.Existing;
        return account.Status == AccountStatus.PendingApproval
            ? account
            : throw new ApiErrorException(ApiError.Conflict("not-pending-approval", "Only an account waiting for approval can be approved or rejected."));
    }

    private static async Task<RegistrationRecord?> ReadRecordAsync(AccountSession session, CancellationToken cancellationToken)
    {
        var row = await session.Table.GetEntityIfExistsAsync<TableEntity>(session.AccountId, AccountPartition.Registration.Key(RegistrationRecordRow.Id), cancellationToken: cancellationToken);
        return row.HasValue ? AccountPartition.Registration.FromEntity(row.Value!) : null;
    }
}
