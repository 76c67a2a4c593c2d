import { Public, TokenService } from '@csms/auth';
import { DEFAULT_TENANT_ID, UnauthenticatedError, asTenantId, isValidTenantId } from '@csms/common';
import { Args, Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { User } from './models/user.model';
import { UserService } from './user.service';

@ObjectType()
export class AuthPayload {
  @Field()
  token: string;

  @Field(() => User)
  user: User;
}

const INVALID_CREDENTIALS = 'Invalid email, password or tenant';

@Resolver()
export class LoginResolver {
  constructor(
    private readonly users: UserService,
    private readonly tokens: TokenService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchanges credentials for a bearer token' })
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Args('tenant', { nullable: true, type: () => String, description: 'Defaults to "default"' }) tenant?: string,
  ): Promise<AuthPayload> {
    if (tenant !== undefined && tenant !== null && !isValidTenantId(tenant)) {
      throw new UnauthenticatedError(INVALID_CREDENTIALS);
    }
    const tenantId = tenant ? asTenantId(tenant) : DEFAULT_TENANT_ID;
    const user = await this.users.verifyCredentials(tenantId, email, password);
    if (!user) throw new UnauthenticatedError(INVALID_CREDENTIALS);
    const token = await this.tokens.sign({ sub: user.id, tid: tenantId, role: user.role, tv: user.tokenVersion });
    return { token, user };
  }
}
