using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Projects;

/// <summary>Projects of a customer account, their quota, and which employees may use which project.</summary>
public sealed class ProjectEndpoints(AccountStore accounts, Paging paging)
{
    public async Task<Microsoft.AspNetCore.Http.IResult> Create(ApiRequest request)
    {
        var body = request.ReadBody<CreateProjectBody>();
        new Validator()
            .Identifier("id", body.Id)
            .Text("name", body.Name, 200, required: true)
            .ThrowIfInvalid();
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: true);
        var account = session.Existing;
        RequireCustomer(account);
        if (await ReadProjectAsync(session, body.Id!) is not null)
        {
            throw new ApiErrorException(ApiError.Conflict("project-exists", $"The account already has a project '{body.Id}'."));
        }
        if (account.TakeProjectSlot() is { } quotaExceeded)
        {
            throw new ApiErrorException(Problems.From(quotaExceeded));
        }

        var project = new Project(body.Id!, body.Name!.Trim(), session.Now, session.Caller.UserId);
        session.Add(project.ToEntity(account.Id));
        session.Record(EventTypes.ProjectCreated, new { projectId = project.Id, name = project.Name, projectCount = account.ProjectCount, projectQuota = account.ProjectQuota });
        session.Effect(new SyncAccountListing());
        var view = ProjectView.From(project, [], new Dictionary<string, Member>());
        return await session.CommitAsync(ApiResponse.Created($"/api/customers/{account.Id}/projects/{project.Id}", view));
    }

    /// <summary>Customer admins and managers see every project; a customer employee only those they were given access to.</summary>
    public async Task<Microsoft.AspNetCore.Http.IResult> List(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Everyone, writes: false);
        var accountId = session.AccountId;
        var members = await ReadMembersAsync(session, request.Aborted);
        if (session.Relation == Relation.Member)
        {
            // An employee's grants are bounded by the quota: one page, no continuation.
            var own = (await QueryAccessAsync(session, AccessOf(accountId, session.Caller.UserId), request.Aborted)).Select(a => a.ProjectId).ToHashSet(StringComparer.Ordinal);
            var visible = new List<Project>();
            await foreach (var row in session.Table.QueryAsync<TableEntity>(ProjectsOf(accountId), cancellationToken: request.Aborted))
            {
                var project = Project.FromEntity(row);
                if (own.Contains(project.Id))
                {
                    visible.Add(project);
                }
            }
            var access = await QueryAccessAsync(session, AllAccessOf(accountId), request.Aborted);
            return ApiResponse.Ok(new ProjectListView([.. visible.Select(p => ProjectView.From(p, access, members))], null));
        }

        var (rows, token) = await paging.QueryAsync(session.Table, ProjectsOf(accountId), request, Paging.Scope(request));
        var grants = rows.Count == 0 ? [] : await QueryAccessAsync(session, AllAccessOf(accountId), request.Aborted);
        return ApiResponse.Ok(new ProjectListView([.. rows.Select(r => ProjectView.From(Project.FromEntity(r), grants, members))], token));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> Get(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Everyone, writes: false);
        var projectId = request.RouteValue("projectId");
        var project = await ReadProjectAsync(session, projectId) ?? throw NoProject();
        var access = await QueryAccessAsync(session, AccessTo(session.AccountId, projectId), request.Aborted);
        if (session.Relation == Relation.Member && !access.Any(a => a.UserId == session.Caller.UserId))
        {
            throw NoProject();
        }
        return ApiResponse.Ok(ProjectView.From(project, access, await ReadMembersAsync(session, request.Aborted)));
    }

    /// <summary>Deletes the project and every access to it in one transaction, and gives its place in the quota back.</summary>
    public async Task<Microsoft.AspNetCore.Http.IResult> Delete(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: true);
        var account = session.Existing;
        var projectId = request.RouteValue("projectId");
        var project = await ReadProjectAsync(session, projectId) ?? throw NoProject();
        var access = await QueryAccessAsync(session, AccessTo(account.Id, projectId), request.Aborted);

        session.Delete(ProjectKeys.Project(project.Id));
        foreach (var grant in access)
        {
            session.Delete(ProjectKeys.Access(grant.UserId, project.Id));
        }
        account.ReturnProjectSlot();
        session.Record(EventTypes.ProjectDeleted, new { projectId = project.Id, name = project.Name, revokedFrom = access.Select(a => a.UserId).ToList(), projectCount = account.ProjectCount });
        session.Effect(new SyncAccountListing());
        return await session.CommitAsync(ApiResponse.NoContent());
    }

    /// <summary>PUT is idempotent: granting access the member already has changes nothing and records no event.</summary>
    public async Task<Microsoft.AspNetCore.Http.IResult> Grant(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: true);
        var account = session.Existing;
        var projectId = request.RouteValue("projectId");
        var userId = request.RouteValue("userId");
        var project = await ReadProjectAsync(session, projectId) ?? throw NoProject();
        var member = userId.Length <= 256 ? await accounts.ReadMemberAsync(account.Id, userId, request.Aborted) : null;
        if (member is null)
        {
            throw new ApiErrorException(ApiError.NotFound("The member"));
        }
        if (member.Role is not (MemberRole.CustomerAdmin or MemberRole.CustomerEmployee))
        {
            throw new ApiErrorException(ApiError.Conflict("not-a-customer-member", "Only members of the customer account can be given access to its projects."));
        }
        var access = await QueryAccessAsync(session, AccessTo(account.Id, project.Id), request.Aborted);
        if (access.FirstOrDefault(a => a.UserId == member.UserId) is { } existing)
        {
            return ApiResponse.Ok(ProjectAccessView.From(existing));
        }
        if (access.Count >= Project.MaxMembers)
        {
            throw new ApiErrorException(ApiError.Conflict("project-members-limit", $"A project can be shared with at most {Project.MaxMembers} members."));
        }

        var grant = new ProjectAccess(member.UserId, project.Id, session.Now, session.Caller.UserId);
        session.Add(grant.ToEntity(account.Id));
        session.Record(EventTypes.ProjectAccessGranted, new { projectId = project.Id, userId = member.UserId, email = member.Email });
        return await session.CommitAsync(ApiResponse.Ok(ProjectAccessView.From(grant)));
    }

    public async Task<Microsoft.AspNetCore.Http.IResult> Revoke(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Admins, writes: true);
        var projectId = request.RouteValue("projectId");
        var userId = request.RouteValue("userId");
        if (!Keys.IsIdentifier(projectId) || userId.Length > 256)
        {
            throw new ApiErrorException(ApiError.NotFound("The project access"));
        }
        var row = await session.Table.GetEntityIfExistsAsync<TableEntity>(session.AccountId, ProjectKeys.Access(userId, projectId), cancellationToken: request.Aborted);
        if (!row.HasValue)
        {
            throw new ApiErrorException(ApiError.NotFound("The project access"));
        }
        session.Delete(row.Value!.RowKey, row.Value.ETag);
        session.Record(EventTypes.ProjectAccessRevoked, new { projectId, userId });
        return await session.CommitAsync(ApiResponse.NoContent());
    }

    private static void RequireCustomer(Account account)
    {
        if (account.Kind != AccountKind.Customer)
        {
            throw new ApiErrorException(ApiError.Conflict("not-a-customer", "Projects belong to customer accounts; partner accounts have none."));
        }
    }

    private static ApiErrorException NoProject() => new(ApiError.NotFound("The project"));

    private static async Task<Project?> ReadProjectAsync(AccountSession session, string projectId)
    {
        if (!Keys.IsIdentifier(projectId))
        {
            return null;
        }
        var row = await session.Table.GetEntityIfExistsAsync<TableEntity>(session.AccountId, ProjectKeys.Project(projectId), cancellationToken: session.Request?.Aborted ?? default);
        return row.HasValue ? Project.FromEntity(row.Value!) : null;
    }

    private static async Task<Dictionary<string, Member>> ReadMembersAsync(AccountSession session, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {session.AccountId} and RowKey ge {MemberRow.Prefix} and RowKey lt {Keys.PrefixEnd(MemberRow.Prefix)}");
        var members = new Dictionary<string, Member>(StringComparer.Ordinal);
        await foreach (var row in session.Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var member = AccountPartition.Members.FromEntity(row);
            members[member.UserId] = member;
        }
        return members;
    }

    private static async Task<List<ProjectAccess>> QueryAccessAsync(AccountSession session, string filter, CancellationToken cancellationToken)
    {
        var access = new List<ProjectAccess>();
        await foreach (var row in session.Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            access.Add(ProjectAccess.FromEntity(row));
        }
        return access;
    }

    private static string ProjectsOf(string accountId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {ProjectKeys.ProjectPrefix} and RowKey lt {Keys.PrefixEnd(ProjectKeys.ProjectPrefix)}");

    private static string AllAccessOf(string accountId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {ProjectKeys.AccessPrefix} and RowKey lt {Keys.PrefixEnd(ProjectKeys.AccessPrefix)}");

    private static string AccessTo(string accountId, string projectId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {ProjectKeys.AccessPrefix} and RowKey lt {Keys.PrefixEnd(ProjectKeys.AccessPrefix)} and ProjectId eq {projectId}");

    private static string AccessOf(string accountId, string userId)
    {
        var prefix = ProjectKeys.AccessPrefixFor(userId);
        return TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {prefix} and RowKey lt {Keys.PrefixEnd(prefix)}");
    }
}
