import { formaProfile } from './forma.ts';
import type { LmsProfile } from './lms-profile.ts';
import { moodleProfile } from './moodle.ts';
import { strictProfile } from './strict.ts';

export type { LmsProfile, ProfileLaunch } from './lms-profile.ts';

/** The LMS behaviours the stand-in can play, first = default. */
export const LMS_PROFILES: readonly LmsProfile[] = [strictProfile, moodleProfile, formaProfile];

export function profileById(id: string | undefined): LmsProfile {
  return LMS_PROFILES.find((profile) => profile.id === id) ?? strictProfile;
}
