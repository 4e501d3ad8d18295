using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Projects;

/// <summary>Projects of a customer account, their quota, and which employees may use which project.</summary>
public sealed class ProjectEndpoints(Paging paging)
{
    public async Task<Answer<ApiResponse, Invalid, NotACustomer, ProjectExists, QuotaExceeded>> Create(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<CreateProjectBody>();
        var check = new Validator()
            .Identifier("id", body.Id)
            .Text("name", body.Name, 200, required: true);
        if (check.Failure is { } invalid)
        {
            return invalid;
        }
        var account = session.Existing;
        if (account.Kind != AccountKind.Customer)
        {
            return new NotACustomer();
        }
        if (await ReadProjectAsync(session, body.Id!) is not null)
        {
            return new ProjectExists(body.Id!);
        }
        if (account.TakeProjectSlot() is { } quotaExceeded)
        {
            return quotaExceeded;
        }

        var project = new Project(body.Id!, body.Name!.Trim(), session.Now, session.Caller.UserId);
        session.Add(AccountPartition.Projects, project);
        session.Record(EventTypes.ProjectCreated, new { projectId = project.Id, name = project.Name, projectCount = account.ProjectCount, projectQuota = account.ProjectQuota });
        session.Effect(new SyncAccountListing());
        var view = ProjectView.From(project, [], new Dictionary<string, Member>());
        return await session.CommitAsync(ApiResponse.Created($"/api/customers/{account.Id}/projects/{project.Id}", view));
    }

    /// <summary>Customer admins and managers see every project; a customer employee only those they were given access to.</summary>
    public async Task<ApiResponse> List(AccountSession session, ApiRequest request)
    {
        var members = await ReadMembersAsync(session);
        if (session.Relation == Relation.Member)
        {
            // An employee's grants are bounded by the quota: one page, no continuation.
            var own = (await ToListAsync(session.QueryAsync(AccountPartition.ProjectAccess, AccountPartition.AccessOfUser(session.Caller.UserId))))
                .Select(a => a.ProjectId).ToHashSet(StringComparer.Ordinal);
            var visible = (await ToListAsync(session.QueryAsync(AccountPartition.Projects))).Where(p => own.Contains(p.Id)).ToList();
            var access = await ToListAsync(session.QueryAsync(AccountPartition.ProjectAccess));
            return ApiResponse.Ok(new ProjectListView([.. visible.Select(p => ProjectView.From(p, access, members))], null));
        }

        var (projects, token) = await session.PageAsync(AccountPartition.Projects, paging);
        var grants = projects.Count == 0 ? [] : await ToListAsync(session.QueryAsync(AccountPartition.ProjectAccess));
        return ApiResponse.Ok(new ProjectListView([.. projects.Select(p => ProjectView.From(p, grants, members))], token));
    }

    public async Task<Answer<ApiResponse, NotFound>> Get(AccountSession session, ApiRequest request)
    {
        var projectId = request.RouteValue("projectId");
        if (await ReadProjectAsync(session, projectId) is not { } project)
        {
            return new NotFound("The project");
        }
        var access = await AccessToAsync(session, projectId);
        if (session.Relation == Relation.Member && !access.Any(a => a.UserId == session.Caller.UserId))
        {
            return new NotFound("The project");
        }
        return ApiResponse.Ok(ProjectView.From(project.Value, access, await ReadMembersAsync(session)));
    }

    /// <summary>Deletes the project and every access to it in one transaction, and gives its place in the quota back.</summary>
    public async Task<Answer<ApiResponse, NotFound>> Delete(AccountSession session, ApiRequest request)
    {
        var account = session.Existing;
        var projectId = request.RouteValue("projectId");
        if (await ReadProjectAsync(session, projectId) is not { } stored)
        {
            return new NotFound("The project");
        }
        var project = stored.Value;
        var access = await AccessToAsync(session, projectId);

        session.Delete(AccountPartition.Projects, project.Id);
        session.Upsert(AccountPartition.FormerProjects, project);
        foreach (var grant in access)
        {
            session.Delete(AccountPartition.ProjectAccess, ProjectAccessRow.Id(grant.UserId, project.Id));
        }
        account.ReturnProjectSlot();
        session.Record(EventTypes.ProjectDeleted, new { projectId = project.Id, name = project.Name, revokedFrom = access.Select(a => a.UserId).ToList(), projectCount = account.ProjectCount });
        session.Effect(new SyncAccountListing());
        return await session.CommitAsync(ApiResponse.NoContent());
    }

    /// <summary>PUT is idempotent: granting access the member already has changes nothing and records no event.</summary>
    public async Task<Answer<ApiResponse, NotFound, NotACustomerMember, ProjectHasTooManyMembers>> Grant(AccountSession session, ApiRequest request)
    {
        var projectId = request.RouteValue("projectId");
        var userId = request.RouteValue("userId");
        if (await ReadProjectAsync(session, projectId) is not { } stored)
        {
            return new NotFound("The project");
        }
        var project = stored.Value;
        if ((userId.Length <= 256 ? await session.ReadAsync(AccountPartition.Members, MemberRow.Id(userId)) : null) is not { Value: var member })
        {
            return new NotFound("The member");
        }
        if (member.Role is not (MemberRole.CustomerAdmin or MemberRole.CustomerEmployee))
        {
            return new NotACustomerMember();
        }
        var access = await AccessToAsync(session, project.Id);
        if (access.FirstOrDefault(a => a.UserId == member.UserId) is { } existing)
        {
            return ApiResponse.Ok(ProjectAccessView.From(existing));
        }
        if (access.Count >= Project.MaxMembers)
        {
            return new ProjectHasTooManyMembers();
        }

        var grant = new ProjectAccess(member.UserId, project.Id, session.Now, session.Caller.UserId);
        session.Add(AccountPartition.ProjectAccess, grant);
        session.Record(EventTypes.ProjectAccessGranted, new { projectId = project.Id, userId = member.UserId, email = member.Email });
        return await session.CommitAsync(ApiResponse.Ok(ProjectAccessView.From(grant)));
    }

    public async Task<Answer<ApiResponse, NotFound>> Revoke(AccountSession session, ApiRequest request)
    {
        var projectId = request.RouteValue("projectId");
        var userId = request.RouteValue("userId");
        var id = ProjectAccessRow.Id(userId, projectId);
        if (!Keys.IsIdentifier(projectId) || userId.Length > 256 || await session.ReadAsync(AccountPartition.ProjectAccess, id) is not { } stored)
        {
            return new NotFound("The project access");
        }
        session.Delete(AccountPartition.ProjectAccess, id, stored.ETag);
        session.Record(EventTypes.ProjectAccessRevoked, new { projectId, userId });
        return await session.CommitAsync(ApiResponse.NoContent());
    }

    private static async Task<Stored<Project>?> ReadProjectAsync(AccountSession session, string projectId) =>
        Keys.IsIdentifier(projectId) ? await session.ReadAsync(AccountPartition.Projects, projectId) : null;

    private static async Task<Dictionary<string, Member>> ReadMembersAsync(AccountSession session)
    {
        var members = new Dictionary<string, Member>(StringComparer.Ordinal);
        await foreach (var member in session.QueryAsync(AccountPartition.Members))
        {
            members[member.Value.UserId] = member.Value;
        }
        return members;
    }

    private static Task<List<ProjectAccess>> AccessToAsync(AccountSession session, string projectId) =>
        ToListAsync(session.QueryAsync(AccountPartition.ProjectAccess, where: $"ProjectId eq {projectId}"));

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<Stored<T>> rows)
    {
        var list = new List<T>();
        await foreach (var row in rows)
        {
            list.Add(row.Value);
        }
        return list;
    }
}
