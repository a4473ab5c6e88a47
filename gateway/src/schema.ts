import { builder } from './builder';
import './types/scalars';
import './types/enums';
import './types/directory';
import './types/employee';
import './types/cafeSession';
import './types/coverage';
import './types/townHall';
import './types/branchVisit';
import './types/videoMessage';
import './types/customerSmile';
import './types/personalDataAccess';
import './types/pride';
import './types/touches';
import './types/people';
import './types/access';
import './types/deadLetters';
import './mutations/directory';
import './mutations/cafeSessions';
import './mutations/townHalls';
import './mutations/branchVisits';
import './mutations/videoMessages';
import './mutations/customerSmile';
import './mutations/pride';
import './mutations/csvImport';
import './mutations/apiTokens';

/** The whole schema: every type file registers itself on the builder when imported above. */
export const schema = builder.toSchema({ sortSchema: true });
