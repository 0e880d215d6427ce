import { Query, Resolver } from 'type-graphql';
import { config } from '../../config/config.js';
import { aboutApi } from './about.service.js';
import { About } from './about.types.js';

@Resolver(() => About)
export class AboutResolver {
  @Query(() => About, {
    description: 'Name and version of the running API, and whether it is a demo.',
  })
  about(): About {
    const { name, version } = aboutApi();
    return Object.assign(new About(), { name, version, demoMode: config().DEMO_MODE });
  }
}
