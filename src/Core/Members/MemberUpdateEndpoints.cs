using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Members;

/// <summary>
/// Editing a member's contact details. Operators, the partner and the account's admins change any member's name, email
/// and language; any other member changes only their own name and language.
/// </summary>
public sealed class MemberUpdateEndpoints
{
    /// <summary>What a member who is no admin may change, and only on themself.</summary>
    private static readonly string[] OwnFields = ["name", "language"];

    public async Task<Answer<ApiResponse, Invalid, Forbidden, NotFound>> Update(AccountSession session, ApiRequest request)
    {
        var userId = request.RouteValue("userId");
        var present = MergePatch.PresentFields(request.Body);
        // Decided before the body is read, so a member learns nothing about fields they may not touch.
        if (session.Relation == Relation.Member)
        {
            if (userId != session.Caller.UserId)
            {
                return new Forbidden("Members change only their own name and language; admins change other members.");
            }
            if (present.FirstOrDefault(f => !OwnFields.Contains(f, StringComparer.OrdinalIgnoreCase)) is { } field)
            {
                return new Forbidden($"Members change only their own name and language, not '{field}'.");
            }
        }
        var body = request.ReadBody<UpdateMemberBody>();
        var check = new Validator()
            .Text("name", body.Name, 200, required: false)
            .Email("email", body.Email, required: present.Contains("email"))
            .OneOf("language", body.Language, Email.EmailTemplates.Languages);
        if (body.Name is { } name && string.IsNullOrWhiteSpace(name))
        {
            check.Error("name", "Must not be empty; send null to clear it.");
        }
        if (check.Failure is { } invalid)
        {
            return invalid;
        }
        var stored = Member.IsUserId(userId) ? await session.ReadAsync(AccountPartition.Members, MemberRow.Id(userId)) : null;
        if (stored is null)
        {
            return new NotFound("The member");
        }
        var member = stored.Value;
        var changes = new List<FieldChange>();
        var next = member;
        if (present.Contains("name") && body.Name?.Trim() != member.Name)
        {
            changes.Add(new FieldChange("name", member.Name, body.Name?.Trim()));
            next = next with { Name = body.Name?.Trim() };
        }
        if (present.Contains("email") && !string.Equals(body.Email, member.Email, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange("email", member.Email, body.Email));
            next = next with { Email = body.Email };
        }
        if (present.Contains("language") && body.Language != member.Language)
        {
            changes.Add(new FieldChange("language", member.Language, body.Language));
            next = next with { Language = body.Language };
        }
        if (changes.Count == 0)
        {
            return ApiResponse.Ok(MemberView.From(member)) with { ETag = session.ProfileETag?.ToString() };
        }
        // No index row copies a member's name or email; the membership index row carries their language (for /api/me).
        session.Replace(AccountPartition.Members, next, stored.ETag);
        session.Record(EventTypes.UserUpdated, new { userId = member.UserId }, changes);
        if (next.Language != member.Language)
        {
            session.Effect(new SyncMembership(member.UserId));
        }
        return await session.CommitAsync(ApiResponse.Ok(MemberView.From(next)));
    }
}
